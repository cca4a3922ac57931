package io.tributary.orders;

/**
 * Why an order waits for a person: payment not yet authorized or failed, a fraud flag from the
 * channel, the risk rule (a new customer's order above the configured value), or a ship-to
 * address that failed validation.
 */
public enum HoldReason {
    PAYMENT_PENDING, PAYMENT_FAILED, FRAUD_FLAG, RISK_NEW_CUSTOMER_HIGH_VALUE, ADDRESS_INVALID
}
