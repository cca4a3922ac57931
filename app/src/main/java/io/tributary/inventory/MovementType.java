package io.tributary.inventory;

/** Why a ledger movement exists: the business event that changed stock. */
public enum MovementType {
    RECEIPT, SHIPMENT, ADJUSTMENT, COUNT, SNAPSHOT, TRANSFER_OUT, TRANSFER_IN, STATUS_CHANGE, RESERVATION_CONSUME
}
