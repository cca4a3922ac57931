package io.tributary.network;

import java.util.UUID;

/** A location was created or changed; {@code version} is its new version. Published in the transaction of the change. */
public record LocationChanged(UUID locationId, LocationCode code, long version) {
}
