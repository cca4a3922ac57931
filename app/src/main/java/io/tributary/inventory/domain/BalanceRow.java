package io.tributary.inventory.domain;

/** A balance as stored: the sums of the ledger per status, and the open reservations' total. */
public record BalanceRow(StockKey key, long onHand, long reserved, long inTransit, long inspection, long damaged) {

    public static BalanceRow empty(StockKey key) {
        return new BalanceRow(key, 0, 0, 0, 0, 0);
    }

    public long available() {
        return onHand - reserved;
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
