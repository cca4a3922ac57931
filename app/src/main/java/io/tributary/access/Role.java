package io.tributary.access;

/**
 * What a user or API key may do. ADMIN does everything; INVENTORY_MANAGER maintains items,
 * locations and stock and approves counts; CHANNEL reads availability and reserves stock for its
 * own channel only; VIEWER reads. Later modules add their own roles.
 */
public enum Role {
    ADMIN, INVENTORY_MANAGER, CHANNEL, VIEWER, BUYER, APPROVER, WAREHOUSE, FINANCE, CUSTOMER_SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}
