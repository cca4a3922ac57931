package io.tributary.receiving;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Units of one receipt line (of a purchase order receipt, {@code receipt}, or of a transfer
 * receipt, {@code transferReceipt}; the other is null) held in the INSPECTION bucket until someone inspects them. Each release
 * moves some of them to AVAILABLE ({@code passed}) or DAMAGED ({@code failed}), or sends them back
 * to the supplier ({@code returned}, only for a purchase order receipt); {@code pending} is
 * what is still held. An inspection is OPEN while anything is pending and RELEASED after.
 */
public record Inspection(UUID id, UUID receipt, UUID transferReceipt, Sku sku, LocationCode location, long quantity, long passed, long failed,
                         long returned, long pending, String status, Instant createdAt, List<Release> releases, long version) {

    public record Release(long passed, long failed, long returned, Instant at, String actor) {
    }
}
