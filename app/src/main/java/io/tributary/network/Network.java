package io.tributary.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The network's public face: locations by code or id, and all of them, read through a short-lived cache. */
public interface Network {

    Optional<Location> find(LocationCode code);

    Optional<Location> find(UUID id);

    /** Every location, active or not, ordered by code. */
    List<Location> all();
}
