package io.tributary.procurement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a supplier's acknowledgement with what was ordered. A line the supplier does not mention
 * is confirmed as ordered; a line confirmed with another quantity, or promised on another date than
 * expected (earlier or later), is a change the buyer must look at.
 */
public final class Acknowledgement {

    private Acknowledgement() {
    }

    /** One ordered line: its number, quantity and expected date. */
    public record Ordered(int lineNo, long quantity, LocalDate expectedDate) {
    }

    /** What the supplier confirmed for a line; null fields mean "as ordered". */
    public record Confirmed(Long quantity, LocalDate promisedDate) {
    }

    /** A line whose confirmation differs from the order. */
    public record Change(int lineNo, long orderedQuantity, long confirmedQuantity, LocalDate expectedDate, LocalDate promisedDate) {

        public boolean quantityChanged() {
            return orderedQuantity != confirmedQuantity;
        }

        public boolean dateChanged() {
            return !expectedDate.equals(promisedDate);
        }
    }

    /** The final confirmation of {@code line} given the supplier's (possibly absent) answer. */
    public static Confirmed resolve(Ordered line, Confirmed answer) {
        if (answer == null) {
            return new Confirmed(line.quantity(), line.expectedDate());
        }
        return new Confirmed(answer.quantity() == null ? line.quantity() : answer.quantity(),
                answer.promisedDate() == null ? line.expectedDate() : answer.promisedDate());
    }

    /** The lines whose confirmation differs from the order, in line order. */
    public static List<Change> changes(List<Ordered> lines, Map<Integer, Confirmed> answers) {
        List<Change> changes = new ArrayList<>();
        for (Ordered line : lines) {
            Confirmed c = resolve(line, answers.get(line.lineNo()));
            if (c.quantity() != line.quantity() || !c.promisedDate().equals(line.expectedDate())) {
                changes.add(new Change(line.lineNo(), line.quantity(), c.quantity(), line.expectedDate(), c.promisedDate()));
            }
        }
        return changes;
    }
}
