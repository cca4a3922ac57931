package io.tributary.exceptions;

import io.tributary.access.Role;
import java.time.Duration;

/**
 * What went wrong. Each type carries its default severity, the role that owns its cases and the
 * SLA within which a case must be resolved before it escalates. The SLA (and, if needed, severity
 * and role) can be overridden per type with {@code tributary.exceptions.sla.<TYPE>},
 * {@code tributary.exceptions.severity.<TYPE>} and {@code tributary.exceptions.role.<TYPE>}.
 */
public enum ExceptionType {
    /** An order is held (payment, fraud, address) and needs a decision. */
    ORDER_HOLD(Severity.MEDIUM, Role.CUSTOMER_SERVICE, Duration.ofHours(4)),
    /** No node could be chosen for an order or some of its lines. */
    ROUTING_FAILED(Severity.HIGH, Role.CUSTOMER_SERVICE, Duration.ofHours(2)),
    /** A node picked fewer units than it was released. */
    SHORT_PICK(Severity.HIGH, Role.WAREHOUSE, Duration.ofHours(2)),
    /** A node rejected a fulfilment; it was rerouted or backordered and the node's stock is suspect. */
    FULFILLMENT_REJECTED(Severity.HIGH, Role.INVENTORY_MANAGER, Duration.ofHours(2)),
    /** A pickup order was ready but the customer has not collected it. */
    PICKUP_NOT_COLLECTED(Severity.LOW, Role.CUSTOMER_SERVICE, Duration.ofHours(24)),
    /** A webhook delivery exhausted its retries and was parked. */
    WEBHOOK_PARKED(Severity.HIGH, Role.ADMIN, Duration.ofHours(1)),
    /** A receipt differs from its purchase order or ASN (short, over, damaged, unexpected item). */
    RECEIVING_DISCREPANCY(Severity.MEDIUM, Role.BUYER, Duration.ofHours(24)),
    /** A supplier acknowledged a purchase order with other quantities or dates than ordered. */
    SUPPLIER_ACKNOWLEDGEMENT_CHANGED(Severity.MEDIUM, Role.BUYER, Duration.ofHours(8)),
    /** A supplier missed the promised date of a purchase order. */
    SUPPLIER_DATE_MISSED(Severity.HIGH, Role.BUYER, Duration.ofHours(24)),
    /** A cycle count's variance is beyond tolerance and waits for approval. */
    COUNT_VARIANCE(Severity.MEDIUM, Role.INVENTORY_MANAGER, Duration.ofHours(24)),
    /** A vendor invoice does not match its purchase order and receipts. */
    INVOICE_MISMATCH(Severity.MEDIUM, Role.FINANCE, Duration.ofHours(48));

    private final Severity defaultSeverity;
    private final Role defaultRole;
    private final Duration defaultSla;

    ExceptionType(Severity defaultSeverity, Role defaultRole, Duration defaultSla) {
        this.defaultSeverity = defaultSeverity;
        this.defaultRole = defaultRole;
        this.defaultSla = defaultSla;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public Role defaultRole() {
        return defaultRole;
    }

    public Duration defaultSla() {
        return defaultSla;
    }
}
