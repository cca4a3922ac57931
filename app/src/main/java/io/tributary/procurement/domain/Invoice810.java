package io.tributary.procurement.domain;

import io.tributary.shared.ValidationFailed;
import io.xlate.edi.schema.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads X12 004010 810 invoices with StAEDI, on {@link X12Reader}. Segments and element lengths
 * are checked by {@code edi/x12-004010-810.xml}, the meaning here: a functional group of IN; BIG01
 * the invoice date, BIG02 the supplier's invoice number, BIG03 the order date and BIG04 the
 * purchase order number (required); CUR02 the currency, if given; per IT1 the purchase order line
 * number (IT101), a whole quantity above zero (IT102), the unit (IT103), the unit price (IT104, at
 * most four decimals) and the product as our SKU (qualifier BP) or the supplier's (VP); TDS01 the
 * total in cents, which must equal the sum of the line amounts (quantity times unit price, rounded
 * half up to the cent); CTT01, if given, the number of IT1 lines. Faults are named as by every
 * {@link X12Reader}.
 */
public final class Invoice810 {

    private static final Schema SCHEMA = X12Reader.loadSchema("/edi/x12-004010-810.xml", "810");

    private Invoice810() {
    }

    /** The interchange: who sent it, its control number and its invoices in order. */
    public record Interchange(String senderId, String controlNumber, List<Invoice> invoices) {
    }

    /**
     * One 810: its ST02, the supplier's invoice number and date, the purchase order number and date,
     * the currency of CUR02 (null when absent), the total of TDS01 in cents, and the lines; positions
     * are of the segments in the transaction set.
     */
    public record Invoice(String controlNumber, String invoiceNumber, LocalDate invoiceDate, String purchaseOrderNumber,
                          LocalDate purchaseOrderDate, String currency, int bigPosition, int curPosition, long totalCents,
                          List<Line> lines) {
    }

    /**
     * One IT1: the purchase order line it invoices, our SKU or the supplier's (at least one set) and
     * the element that carried it, the quantity, unit, unit price and the line amount in cents.
     */
    public record Line(int position, int purchaseOrderLine, String sku, String supplierSku, String productElement, long quantity,
                       String unit, BigDecimal unitPrice, long amountCents) {
    }

    /** Parses {@code text}; throws {@link ValidationFailed} naming every segment and element at fault. */
    public static Interchange read(String text) {
        Parse p = new Parse();
        p.read(text, "810");
        return new Interchange(p.sender, p.control, List.copyOf(p.invoices));
    }

    /** The amount of {@code cents} as a decimal with two places. */
    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** The state of one read: what was gathered so far. */
    private static final class Parse extends X12Reader {
        final List<Invoice> invoices = new ArrayList<>();
        // the transaction set being read
        String invoiceNumber;
        LocalDate invoiceDate;
        String poNumber;
        LocalDate poDate;
        String currency;
        int bigPosition;
        int curPosition;
        Long total;
        int tdsPosition;
        Integer ctt;
        int cttPosition;
        int it1Count;
        boolean faulty;
        List<Line> lines;

        Parse() {
            super(SCHEMA, "IN", "must be IN (invoice)", "810", "must be 810 in an invoice group");
        }

        @Override
        boolean readAny() {
            return !invoices.isEmpty();
        }

        @Override
        void startSet() {
            invoiceNumber = null;
            invoiceDate = null;
            poNumber = null;
            poDate = null;
            currency = null;
            total = null;
            ctt = null;
            it1Count = 0;
            faulty = false;
            lines = new ArrayList<>();
        }

        @Override
        void segment() {
            switch (tag) {
                case "BIG" -> big();
                case "CUR" -> {
                    currency = value(2).strip();
                    curPosition = position;
                }
                case "IT1" -> it1();
                case "TDS" -> {
                    tdsPosition = position;
                    try {
                        total = Long.valueOf(value(1));
                        if (total < 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        error("TDS01", position, "must be the invoice total in cents, not '" + value(1) + "'");
                        total = null;
                    }
                }
                case "CTT" -> {
                    cttPosition = position;
                    try {
                        ctt = Integer.valueOf(value(1));
                    } catch (NumberFormatException e) {
                        ctt = null;
                    }
                }
                case "SE" -> endInvoice();
                default -> {
                }
            }
        }

        private void big() {
            bigPosition = position;
            invoiceDate = date(value(1), "BIG01");
            invoiceNumber = value(2).strip();
            if (invoiceNumber.isEmpty()) {
                error("BIG02", position, "the invoice number is required");
            }
            if (!value(3).isEmpty()) {
                poDate = date(value(3), "BIG03");
            }
            poNumber = value(4).strip();
            if (poNumber.isEmpty()) {
                error("BIG04", position, "the invoice names no purchase order: BIG04 is required");
            }
        }

        private void it1() {
            if (lines == null) {
                return; // out of place: the schema reports it
            }
            it1Count++;
            int errorsBefore = errors.size();
            int lineNo = 0;
            try {
                lineNo = Integer.parseInt(value(1));
                if (lineNo < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                error("IT101", position, "must be the line number of the purchase order, not '" + value(1) + "'");
            }
            long quantity = 0;
            try {
                quantity = new BigDecimal(value(2)).longValueExact();
                if (quantity < 1) {
                    throw new ArithmeticException();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                error("IT102", position, "must be a whole quantity of base units above zero, not '" + value(2) + "'");
            }
            String unit = value(3).strip();
            if (unit.isEmpty()) {
                error("IT103", position, "the unit of measure is required");
            }
            BigDecimal price = null;
            try {
                price = new BigDecimal(value(4));
                if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                error("IT104", position, "must be a unit price of at most four decimals, not '" + value(4) + "'");
            }
            String sku = null;
            String supplierSku = null;
            String productElement = null;
            for (int i = 6; i + 1 <= 15; i += 2) {
                String element = "IT1" + (i + 1 < 10 ? "0" : "") + (i + 1);
                if ("BP".equals(value(i)) && sku == null) {
                    sku = value(i + 1).strip();
                    productElement = element;
                } else if ("VP".equals(value(i)) && supplierSku == null) {
                    supplierSku = value(i + 1).strip();
                    productElement = productElement == null ? element : productElement;
                }
            }
            if (sku == null && supplierSku == null) {
                error("IT1", position, "the line names no product: IT106/IT107 with BP (our SKU) or VP (the supplier's) is required");
            }
            if (errors.size() > errorsBefore) {
                faulty = true;
                return;
            }
            long cents = price.multiply(BigDecimal.valueOf(quantity)).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            lines.add(new Line(inSet(position), lineNo, sku, supplierSku, productElement, quantity, unit, price, cents));
        }

        private void endInvoice() {
            if (lines != null && ctt != null && ctt != it1Count) {
                error("CTT01", cttPosition, "says " + ctt + " line items but the transaction set has " + it1Count);
            }
            if (lines != null && total != null && !faulty) {
                long sum = lines.stream().mapToLong(Line::amountCents).sum();
                if (sum != total) {
                    error("TDS01", tdsPosition, "the total " + amount(total) + " is not the sum of the lines, " + amount(sum));
                }
            }
            if (lines != null && invoiceNumber != null && !invoiceNumber.isEmpty() && poNumber != null && !poNumber.isEmpty() && total != null) {
                invoices.add(new Invoice(stControl, invoiceNumber, invoiceDate, poNumber, poDate, currency == null || currency.isEmpty() ? null : currency,
                        inSet(bigPosition), curPosition == 0 ? 0 : inSet(curPosition), total, List.copyOf(lines)));
            }
            lines = null;
            curPosition = 0;
        }
    }
}
