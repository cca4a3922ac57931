package io.tributary.inventory;

/** Why a person or system adjusted stock by hand. */
public enum AdjustmentReason {
    RECEIVED, FOUND, DAMAGED, LOST, SHRINK, CORRECTION, RETURNED_TO_VENDOR, OTHER
}
