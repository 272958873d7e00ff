/**
 * A data-plane simulator: does on the wire what kuma-dp and Envoy do, for tests and benchmarks.
 *
 * <ul>
 *   <li>{@link org.kumaj.dpsim.BootstrapClient}: Kuma's {@code POST /bootstrap} over HTTPS and the
 *       Envoy bootstrap inside the answer ({@link org.kumaj.dpsim.BootstrapResult}).
 *   <li>{@link org.kumaj.dpsim.DpSimulator}: shared Netty event loops and gRPC channels for many
 *       {@link org.kumaj.dpsim.SimulatedProxy simulated proxies}, each an ADS stream (SotW or delta)
 *       that subscribes like Envoy, ACKs or NACKs every response, checks the resource graph and
 *       records timing that tests await with a deadline ({@link org.kumaj.dpsim.Condition}).
 *   <li>{@link org.kumaj.dpsim.BaselineServer}: a bare java-control-plane {@code SimpleCache} +
 *       {@code V3DiscoveryServer}, the reference the benchmarks compare against.
 *   <li>{@link org.kumaj.dpsim.DpSimulatorMain}: the benchmark tool ({@code dp-simulator.jar}).
 * </ul>
 */
package org.kumaj.dpsim;
