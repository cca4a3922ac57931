package io.tributary.channels;

import io.tributary.network.LocationCode;
import java.util.List;
import java.util.UUID;

/**
 * A sales channel as other modules see it. An empty {@code locations} list means every active
 * location that can SHIP. {@code bufferUnits} and {@code bufferPercent} hold stock back from this
 * channel's availability. The webhook secret is never part of this view.
 */
public record Channel(UUID id, ChannelCode code, String name, ChannelType type, List<LocationCode> locations,
                      long bufferUnits, int bufferPercent, long version) {
}
