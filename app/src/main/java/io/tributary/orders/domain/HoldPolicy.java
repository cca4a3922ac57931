package io.tributary.orders.domain;

import io.tributary.orders.HoldReason;
import io.tributary.orders.PaymentStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The holds a new order gets, each a named rule: payment PENDING or FAILED; the channel's fraud
 * flag; the risk rule, a first order of a customer (no earlier order with that e-mail) whose value
 * exceeds the configured threshold; and a ship-to postal code that does not match its country's
 * format (countries without a known format pass when the code is present).
 */
public final class HoldPolicy {

    private static final Map<String, Pattern> POSTAL_CODES = Map.ofEntries(
            Map.entry("DE", Pattern.compile("\\d{5}")),
            Map.entry("AT", Pattern.compile("\\d{4}")),
            Map.entry("CH", Pattern.compile("\\d{4}")),
            Map.entry("NL", Pattern.compile("\\d{4} ?[A-Z]{2}")),
            Map.entry("BE", Pattern.compile("\\d{4}")),
            Map.entry("FR", Pattern.compile("\\d{5}")),
            Map.entry("IT", Pattern.compile("\\d{5}")),
            Map.entry("ES", Pattern.compile("\\d{5}")),
            Map.entry("PL", Pattern.compile("\\d{2}-\\d{3}")),
            Map.entry("DK", Pattern.compile("\\d{4}")),
            Map.entry("SE", Pattern.compile("\\d{3} ?\\d{2}")),
            Map.entry("US", Pattern.compile("\\d{5}(-\\d{4})?")),
            Map.entry("GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}")),
            Map.entry("CA", Pattern.compile("[A-Z]\\d[A-Z] ?\\d[A-Z]\\d")));

    private HoldPolicy() {
    }

    public static List<HoldReason> holds(PaymentStatus payment, boolean fraudFlag, boolean newCustomer, BigDecimal total,
                                         BigDecimal riskThreshold, boolean ships, String country, String postalCode) {
        List<HoldReason> out = new ArrayList<>();
        if (payment == PaymentStatus.PENDING) {
            out.add(HoldReason.PAYMENT_PENDING);
        } else if (payment == PaymentStatus.FAILED) {
            out.add(HoldReason.PAYMENT_FAILED);
        }
        if (fraudFlag) {
            out.add(HoldReason.FRAUD_FLAG);
        }
        if (newCustomer && riskThreshold != null && total.compareTo(riskThreshold) > 0) {
            out.add(HoldReason.RISK_NEW_CUSTOMER_HIGH_VALUE);
        }
        if (ships && !validPostalCode(country, postalCode)) {
            out.add(HoldReason.ADDRESS_INVALID);
        }
        return out;
    }

    public static boolean validPostalCode(String country, String postalCode) {
        if (postalCode == null || postalCode.isBlank()) {
            return false;
        }
        Pattern p = POSTAL_CODES.get(country.toUpperCase(Locale.ROOT));
        return p == null || p.matcher(postalCode.trim().toUpperCase(Locale.ROOT)).matches();
    }
}
