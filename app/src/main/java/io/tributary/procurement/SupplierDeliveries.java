package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.exceptions.ExceptionCase;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.exceptions.RaiseException;
import io.tributary.procurement.persistence.JdbcSupplierDeliveries;
import io.tributary.procurement.persistence.JdbcSupplierDeliveries.Missed;
import io.tributary.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How suppliers deliver against what they confirmed (ADR 0020): the lines of their purchase orders
 * with every receipt against them, for performance figures ({@link #due}), and the check for
 * promised dates that passed with units still open ({@link #raiseMissedDates}), which raises one
 * {@code SUPPLIER_DATE_MISSED} case for the buyer per purchase order, listing its late lines, while
 * none is unresolved for that order. Dates are days in the clock's zone.
 */
@Service
public class SupplierDeliveries {

    private final JdbcSupplierDeliveries store;
    private final Procurement procurement;
    private final Exceptions exceptions;
    private final Clock clock;

    SupplierDeliveries(JdbcSupplierDeliveries store, Procurement procurement, Exceptions exceptions, Clock clock) {
        this.store = store;
        this.procurement = procurement;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /** Today in the clock's zone, the day performance windows and promised dates are measured against. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Lines of the supplier's sent, not cancelled orders due from {@code from} to {@code to} inclusive; 404 for an unknown supplier. */
    public List<SupplierDelivery> due(SupplierCode supplier, LocalDate from, LocalDate to) {
        procurement.supplier(supplier).orElseThrow(() -> new NotFound("Supplier", supplier.value()));
        return store.due(supplier, from, to);
    }

    /** Ids of every purchase order placed with the supplier, whatever its status. */
    public List<UUID> orders(SupplierCode supplier) {
        return store.orders(supplier);
    }

    /**
     * Raises a {@code SUPPLIER_DATE_MISSED} case for every acknowledged or partly received order with
     * a line promised before today and not fully received, unless one is already unresolved for the
     * order; returns the cases raised now.
     */
    @Transactional
    public List<ExceptionCase> raiseMissedDates(Actor actor) {
        Map<UUID, List<Missed>> byOrder = new LinkedHashMap<>();
        store.missed(today()).forEach(m -> byOrder.computeIfAbsent(m.purchaseOrder(), k -> new ArrayList<>()).add(m));
        List<ExceptionCase> raised = new ArrayList<>();
        for (Map.Entry<UUID, List<Missed>> e : byOrder.entrySet()) {
            String id = e.getKey().toString();
            if (exceptions.unresolvedFor(ExceptionType.SUPPLIER_DATE_MISSED, "purchase_order", id).isPresent()) {
                continue;
            }
            Missed first = e.getValue().getFirst();
            List<Map<String, Object>> lines = e.getValue().stream().map(m -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineNo", m.lineNo());
                line.put("sku", m.sku());
                line.put("promisedDate", m.promisedDate().toString());
                line.put("confirmedQuantity", m.confirmed());
                line.put("receivedQuantity", m.received());
                line.put("openQuantity", m.confirmed() - m.received());
                return line;
            }).toList();
            raised.add(exceptions.raise(new RaiseException(ExceptionType.SUPPLIER_DATE_MISSED, "purchase_order", id,
                    "Supplier " + first.supplier().value() + " missed the promised date on " + lines.size() + " line(s) of " + first.number(),
                    Map.of("number", first.number(), "supplier", first.supplier().value(), "lines", lines)), actor));
        }
        return raised;
    }
}
