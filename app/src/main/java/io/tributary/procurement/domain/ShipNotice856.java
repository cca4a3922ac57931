package io.tributary.procurement.domain;

import io.tributary.shared.ValidationFailed;
import io.xlate.edi.schema.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads X12 004010 856 ship notices with StAEDI. The envelope is checked by StAEDI's control schema,
 * segments and element lengths by {@code edi/x12-004010-856.xml}, and the meaning here: a functional
 * group of SH; BSN02 the shipment id; per transaction set one shipment level (HL03 S) first, whose
 * DTM 017 (estimated delivery, with an optional time) or else DTM 011 (shipped) says when it is
 * expected and whose TD5 names the carrier (TD505, or the SCAC in TD503); order levels (O) each with
 * a PRF01 purchase order number; item levels (I) under an order with our SKU (LIN qualifier BP) or
 * the supplier's (VP), optionally a lot (LT) and an expiry (DTM 036), and SN102 a whole quantity.
 * Tare and pack levels (T, P) are allowed between order and item. Every fault is reported as in
 * {@link Acknowledgement855}: the element or segment and its position in the transaction set.
 */
public final class ShipNotice856 {

    private static final Schema SCHEMA = X12Reader.loadSchema("/edi/x12-004010-856.xml", "856");

    private ShipNotice856() {
    }

    /** The interchange: who sent it, its control number and its shipments in order. */
    public record Interchange(String senderId, String controlNumber, List<Shipment> shipments) {
    }

    /** One 856: its ST02, the shipment id of BSN02, when it is expected, the carrier and the orders shipped. */
    public record Shipment(String controlNumber, String shipmentId, int bsnPosition, Instant expectedAt, String carrier,
                           List<Order> orders) {
    }

    /** An order level: the purchase order number of PRF01 and its item levels. */
    public record Order(String purchaseOrderNumber, int position, List<Item> items) {
    }

    /** An item level: our SKU or the supplier's (one of them set), the lot and expiry if given, the quantity shipped. */
    public record Item(int position, String sku, String supplierSku, String lot, LocalDate expiry, long quantity) {
    }

    /** Parses {@code text}; throws {@link ValidationFailed} naming every segment and element at fault. */
    public static Interchange read(String text) {
        Parse p = new Parse();
        p.read(text, "856");
        return new Interchange(p.sender, p.control, List.copyOf(p.shipments));
    }

    /** The state of one read: what was gathered so far. */
    private static final class Parse extends X12Reader {
        final List<Shipment> shipments = new ArrayList<>();
        // the transaction set being read
        String shipmentId;
        int bsnPosition;
        LocalDate shipped;
        Instant estimated;
        String carrier;
        Integer ctt;
        int cttPosition;
        int hlCount;
        List<Order> orders;
        // the level being read: S, O, I or another code
        String level;
        // the order being read
        String poNumber;
        int orderPosition;
        List<Item> items;
        // the item being read
        int itemPosition;
        String sku;
        String supplierSku;
        String lot;
        LocalDate expiry;
        Long quantity;

        Parse() {
            super(SCHEMA, "SH", "must be SH (ship notice/manifest)", "856", "must be 856 in a ship notice group");
        }

        @Override
        boolean readAny() {
            return !shipments.isEmpty();
        }

        @Override
        void startSet() {
            shipmentId = null;
            shipped = null;
            estimated = null;
            carrier = null;
            ctt = null;
            hlCount = 0;
            orders = new ArrayList<>();
            level = null;
            items = null;
        }

        @Override
        void segment() {
            switch (tag) {
                case "BSN" -> {
                    shipmentId = value(2).strip();
                    bsnPosition = position;
                }
                case "HL" -> hl();
                case "LIN" -> {
                    if (isItem()) {
                        for (int i = 2; i + 1 <= 7; i += 2) {
                            switch (value(i)) {
                                case "BP" -> sku = value(i + 1);
                                case "VP" -> supplierSku = value(i + 1);
                                case "LT" -> lot = value(i + 1);
                                default -> {
                                }
                            }
                        }
                    } else {
                        error("LIN", position, "belongs to an item level (HL03 I)");
                    }
                }
                case "SN1" -> {
                    if (!isItem()) {
                        error("SN1", position, "belongs to an item level (HL03 I)");
                        return;
                    }
                    try {
                        quantity = new BigDecimal(value(2)).longValueExact();
                        if (quantity < 1) {
                            throw new ArithmeticException();
                        }
                    } catch (NumberFormatException | ArithmeticException e) {
                        error("SN102", position, "must be a whole quantity of base units above zero, not '" + value(2) + "'");
                        quantity = 0L;
                    }
                }
                case "PRF" -> {
                    if ("O".equals(level)) {
                        poNumber = value(1).strip();
                    } else {
                        error("PRF", position, "belongs to an order level (HL03 O)");
                    }
                }
                case "TD5" -> {
                    if ("S".equals(level)) {
                        String name = !value(5).isBlank() ? value(5) : value(3);
                        carrier = name.isBlank() ? carrier : name.strip();
                    }
                }
                case "DTM" -> dtm();
                case "CTT" -> {
                    cttPosition = position;
                    try {
                        ctt = Integer.valueOf(value(1));
                    } catch (NumberFormatException e) {
                        ctt = null;
                    }
                }
                case "SE" -> {
                    endOrder();
                    if (ctt != null && ctt != hlCount) {
                        error("CTT01", cttPosition, "says " + ctt + " hierarchical levels but the transaction set has " + hlCount);
                    }
                    Instant expected = estimated != null ? estimated : shipped == null ? null : shipped.atStartOfDay(ZoneOffset.UTC).toInstant();
                    if (shipmentId != null && expected == null) {
                        error("DTM", bsnPosition, "the shipment needs a DTM 017 (estimated delivery) or 011 (shipped) date");
                    }
                    if (shipmentId != null) {
                        shipments.add(new Shipment(stControl, shipmentId, bsnPosition - stPosition + 1, expected, carrier, List.copyOf(orders)));
                    }
                }
                default -> {
                }
            }
        }

        private void hl() {
            hlCount++;
            String code = value(3);
            if (orders == null) {
                return; // out of place: the schema reports it
            }
            if (hlCount == 1 && !"S".equals(code)) {
                error("HL03", position, "the first level must be the shipment (S), not '" + code + "'");
            }
            switch (code) {
                case "S" -> {
                    endOrder();
                    if (hlCount > 1) {
                        error("HL03", position, "a transaction set holds one shipment level");
                    }
                }
                case "O" -> {
                    endOrder();
                    poNumber = null;
                    orderPosition = position;
                    items = new ArrayList<>();
                }
                case "I" -> {
                    endItem();
                    if (items == null) {
                        error("HL03", position, "an item level must follow an order level (O)");
                    } else {
                        itemPosition = position;
                        sku = null;
                        supplierSku = null;
                        lot = null;
                        expiry = null;
                        quantity = null;
                    }
                }
                default -> endItem(); // tare or pack: the items that follow still belong to the order
            }
            level = code;
        }

        private void dtm() {
            String qualifier = value(1);
            boolean shipmentLevel = level == null || "S".equals(level);
            if (shipmentLevel && "011".equals(qualifier)) {
                shipped = date(value(2), "DTM02");
            } else if (shipmentLevel && "017".equals(qualifier)) {
                LocalDate d = date(value(2), "DTM02");
                LocalTime t = time(value(3));
                estimated = d == null ? null : OffsetDateTime.of(d, t == null ? LocalTime.MIDNIGHT : t, ZoneOffset.UTC).toInstant();
            } else if (isItem() && "036".equals(qualifier)) {
                expiry = date(value(2), "DTM02");
            }
        }

        private boolean isItem() {
            return "I".equals(level) && items != null;
        }

        private void endItem() {
            if (isItem()) {
                int at = itemPosition - stPosition + 1;
                if (sku == null && supplierSku == null) {
                    error("LIN", itemPosition, "the item level names no product: a LIN with BP (our SKU) or VP (the supplier's) is required");
                } else if (quantity == null) {
                    error("SN1", itemPosition, "the item level gives no quantity: an SN1 is required");
                } else {
                    items.add(new Item(at, sku, supplierSku, lot, expiry, quantity));
                }
            }
            level = null;
        }

        private void endOrder() {
            endItem();
            if (items != null) {
                if (poNumber == null || poNumber.isEmpty()) {
                    error("PRF", orderPosition, "the order level names no purchase order: a PRF is required");
                } else if (items.isEmpty()) {
                    error("HL", orderPosition, "the order level of " + poNumber + " has no item levels");
                } else {
                    orders.add(new Order(poNumber, orderPosition - stPosition + 1, List.copyOf(items)));
                }
            }
            items = null;
        }

        private LocalTime time(String text) {
            if (text.length() < 4) {
                return null;
            }
            try {
                return LocalTime.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(2, 4)));
            } catch (RuntimeException e) {
                error("DTM03", position, "must be a time HHMM, not '" + text + "'");
                return null;
            }
        }
    }
}
