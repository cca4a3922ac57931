package io.tributary.channels;

import io.tributary.network.LocationCode;
import java.util.List;
import java.util.Optional;

/**
 * Create or replace the channel {@code code}. An empty {@code locations} list means every active
 * location that can SHIP. An empty {@code webhookSecret} keeps the stored secret (none for a new channel).
 */
public record PutChannel(ChannelCode code, String name, ChannelType type, List<LocationCode> locations,
                         long bufferUnits, int bufferPercent, Optional<String> webhookSecret) {

    public PutChannel {
        locations = List.copyOf(locations);
    }

    @Override
    public String toString() {
        return "PutChannel[code=" + code + ", name=" + name + ", type=" + type + ", locations=" + locations
                + ", bufferUnits=" + bufferUnits + ", bufferPercent=" + bufferPercent
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "(set)" : "(unchanged)") + "]";
    }
}
