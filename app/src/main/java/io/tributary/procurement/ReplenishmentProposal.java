package io.tributary.procurement;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.Instant;
import java.util.UUID;

/**
 * What a replenishment run proposes to buy for one item at one location from its primary supplier:
 * {@code quantity} in base units (the {@code need} rounded to the supplier's MOQ, case pack and, where
 * the policy asks, pallets, or as a buyer changed it), the {@code projected} available and
 * {@code safetyStock} it was based on, and an {@code explanation} of every number. Accepting it puts
 * it on a DRAFT purchase order ({@code purchaseOrder}).
 */
public record ReplenishmentProposal(UUID id, UUID run, Sku sku, LocationCode location, SupplierCode supplier, ReplenishmentMethod method,
                                    long projected, long safetyStock, long need, long quantity, String explanation, ProposalStatus status,
                                    UUID purchaseOrder, Instant createdAt, Instant decidedAt, String decidedBy, long version) {
}
