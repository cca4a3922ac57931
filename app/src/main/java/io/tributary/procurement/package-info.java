/**
 * Procurement: suppliers with their commercial terms and their terms per item, and purchase orders
 * from draft through approval, sending and the supplier's acknowledgement to closing. Approval is
 * routed by the order's total and guarded by segregation of duties; every transition and approval is
 * kept. An acknowledgement that changes what was ordered raises an exception case for the buyer.
 * Replenishment policies per item and location turn stock (read through the inventory facade), open
 * purchase orders and supplier terms into explained proposals that buyers accept into purchase orders.
 * Consolidation turns the needs of several locations into one purchase order to a consolidation
 * centre and a distribution plan back to the locations ({@link io.tributary.procurement.Consolidations}, ADR 0018).
 * Suppliers that trade by EDI receive orders as X12 850s and acknowledge them with 855s
 * ({@link io.tributary.procurement.SupplierEdi}, ADR 0016).
 * Advance ship notices record what a supplier has shipped on which order lines, in transit until received
 * ({@link io.tributary.procurement.AdvanceShipNotices}, ADR 0019).
 * {@link io.tributary.procurement.SupplierDeliveries} keeps what was delivered against each line for supplier
 * performance and raises the buyer's case when a promised date passes with units open (ADR 0020).
 * It does not own items or locations (it reads them through the catalog and network facades), stock,
 * or receipts: the receiving module reports received units through
 * {@link io.tributary.procurement.Procurement#recordReceipt}, which moves the order to PARTIALLY_RECEIVED
 * or RECEIVED.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "catalog", "network", "inventory", "fulfillment", "exceptions", "access"})
package io.tributary.procurement;
