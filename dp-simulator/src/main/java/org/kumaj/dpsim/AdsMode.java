package org.kumaj.dpsim;

/** The ADS variant a simulated proxy speaks: state of the world or incremental (delta) xDS. */
public enum AdsMode {
  /** {@code StreamAggregatedResources}: Envoy's {@code apiType: GRPC}. */
  SOTW,
  /** {@code DeltaAggregatedResources}: Envoy's {@code apiType: DELTA_GRPC}. */
  DELTA;

  /** The mode for an Envoy bootstrap {@code adsConfig.apiType} ({@code GRPC} or {@code DELTA_GRPC}). */
  public static AdsMode fromApiType(String apiType) {
    return "DELTA_GRPC".equals(apiType) ? DELTA : SOTW;
  }
}
