/**
 * Receiving: goods arriving at a location against a purchase order or one of its advance ship notices. A receipt records what was
 * counted at the dock line by line (with lot and expiry for lot-tracked items), posts the stock to
 * the inventory ledger (good units available, or in inspection when the item requires it, damaged
 * units damaged), tells procurement what arrived so the order moves to partly or fully received, and
 * keeps the discrepancies it found (short, over beyond tolerance, damaged, wrong item, unknown item),
 * each raising a case in the exception queue. Inspections hold units until released as passed or
 * failed, or returned to the supplier, and supplier claims ask the money back for discrepancies and returns (ADR 0021).
 * It does not own purchase orders, stock, items or locations: it works through the
 * procurement, inventory, catalog and network facades (ADR 0017). It also computes supplier performance
 * from procurement's delivery facts and its own receipts ({@link io.tributary.receiving.SupplierPerformances}, ADR 0020).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "catalog", "network", "inventory",
        "procurement", "exceptions", "access"})
package io.tributary.receiving;
