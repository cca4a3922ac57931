package io.tributary.receiving;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Receive goods at {@code location} against {@code purchaseOrder}. Each line counts {@code quantity}
 * units of a SKU of which {@code damaged} arrived damaged; {@code lot} and {@code expiry} are
 * required for lot-tracked items. {@code complete} declares that nothing more will arrive for the
 * order, so whatever is still open becomes a SHORT discrepancy. A scanner sends one line of quantity
 * 1 per scan; a whole-line receipt sends the counted quantity. With {@code asn} instead of a
 * purchase order the receipt counts against that advance ship notice's lines (and its order).
 */
public record ReceiveGoods(LocationCode location, UUID purchaseOrder, UUID asn, boolean complete, String note, List<Line> lines) {

    public record Line(Sku sku, long quantity, long damaged, String lot, LocalDate expiry) {
    }
}
