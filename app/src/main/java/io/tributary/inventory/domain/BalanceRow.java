package io.tributary.inventory.domain;

/** A balance as stored: the sums of the ledger per status, and the open reservations' total. */
public record BalanceRow(StockKey key, long onHand, long reserved, long inTransit, long inspection, long damaged) {

    public static BalanceRow empty(StockKey key) {
        return new BalanceRow(key, 0, 0, 0, 0, 0);
    }

    public long available() {
        return onHand - reserved;
    }

    /** This row with {@code quantity} added to the bucket of {@code status}. */
    public BalanceRow plus(io.tributary.inventory.StockStatus status, long quantity) {
        return switch (status) {
            case AVAILABLE -> new BalanceRow(key, Math.addExact(onHand, quantity), reserved, inTransit, inspection, damaged);
            case INSPECTION -> new BalanceRow(key, onHand, reserved, inTransit, Math.addExact(inspection, quantity), damaged);
            case DAMAGED -> new BalanceRow(key, onHand, reserved, inTransit, inspection, Math.addExact(damaged, quantity));
            case IN_TRANSIT -> new BalanceRow(key, onHand, reserved, Math.addExact(inTransit, quantity), inspection, damaged);
        };
    }

    public long bucket(io.tributary.inventory.StockStatus status) {
        return switch (status) {
            case AVAILABLE -> onHand;
            case INSPECTION -> inspection;
            case DAMAGED -> damaged;
            case IN_TRANSIT -> inTransit;
        };
    }
}
