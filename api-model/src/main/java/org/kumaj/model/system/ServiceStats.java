package org.kumaj.model.system;

/**
 * Response counters of one discovery stream: Kuma's {@code DiscoveryServiceStats} (xDS, data plane
 * proxies) and {@code KDSServiceStats} (KDS, zones) have this same shape.
 *
 * @param responsesSent responses sent to the peer
 * @param responsesAcknowledged responses the peer accepted
 * @param responsesRejected responses the peer rejected
 */
public record ServiceStats(
    @ProtoJson.Int64 Long responsesSent,
    @ProtoJson.Int64 Long responsesAcknowledged,
    @ProtoJson.Int64 Long responsesRejected) {}
