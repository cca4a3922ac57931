package io.tributary.receiving.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Sku;
import io.tributary.procurement.PurchaseOrderReceipt;
import io.tributary.receiving.DiscrepancyKind;
import io.tributary.receiving.domain.Discrepancies.Counted;
import io.tributary.receiving.domain.Discrepancies.Found;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscrepanciesUnitTests {

    static final Sku A = new Sku("A");
    static final Sku B = new Sku("B");

    @Test
    void toleranceIsAPercentageOfTheExpectedQuantityRoundedDown() {
        assertThat(Discrepancies.tolerance(100, new BigDecimal("5"))).isEqualTo(5);
        assertThat(Discrepancies.tolerance(39, new BigDecimal("5"))).isEqualTo(1);
        assertThat(Discrepancies.tolerance(19, new BigDecimal("5"))).isZero();
        assertThat(Discrepancies.tolerance(100, BigDecimal.ZERO)).isZero();
    }

    @Test
    void overWithinToleranceIsNoDiscrepancyAndBeyondItIsTheWholeExcess() {
        List<PurchaseOrderReceipt.Line> within = List.of(new PurchaseOrderReceipt.Line(1, A, 100, 0, 105));
        assertThat(Discrepancies.find(List.of(new Counted(A, 105, 0, true)), within, new BigDecimal("5"), false)).isEmpty();
        List<PurchaseOrderReceipt.Line> beyond = List.of(new PurchaseOrderReceipt.Line(1, A, 100, 0, 106));
        assertThat(Discrepancies.find(List.of(new Counted(A, 106, 0, true)), beyond, new BigDecimal("5"), false))
                .containsExactly(new Found(DiscrepancyKind.OVER, A, 100L, 6));
    }

    @Test
    void anOverReceiptIsReportedOnlyByTheReceiptsThatAddToIt() {
        List<PurchaseOrderReceipt.Line> earlier = List.of(new PurchaseOrderReceipt.Line(1, A, 10, 12, 0), new PurchaseOrderReceipt.Line(2, B, 5, 0, 5));
        assertThat(Discrepancies.find(List.of(new Counted(B, 5, 0, true)), earlier, BigDecimal.ZERO, false)).isEmpty();
    }

    @Test
    void openQuantitiesBecomeShortOnlyWhenTheDeliveryIsComplete() {
        List<PurchaseOrderReceipt.Line> order = List.of(new PurchaseOrderReceipt.Line(1, A, 10, 0, 4), new PurchaseOrderReceipt.Line(2, B, 5, 0, 0));
        List<Counted> counted = List.of(new Counted(A, 4, 0, true));
        assertThat(Discrepancies.find(counted, order, BigDecimal.ZERO, false)).isEmpty();
        assertThat(Discrepancies.find(counted, order, BigDecimal.ZERO, true)).containsExactly(
                new Found(DiscrepancyKind.SHORT, A, 10L, 6), new Found(DiscrepancyKind.SHORT, B, 5L, 5));
    }

    @Test
    void damagedWrongAndUnknownItemsAreEachReported() {
        Sku wrong = new Sku("W");
        Sku unknown = new Sku("U");
        List<PurchaseOrderReceipt.Line> order = List.of(new PurchaseOrderReceipt.Line(1, A, 10, 0, 10));
        List<Counted> counted = List.of(new Counted(A, 6, 1, true), new Counted(A, 4, 1, true), new Counted(wrong, 3, 1, true),
                new Counted(unknown, 2, 0, false));
        assertThat(Discrepancies.find(counted, order, BigDecimal.ZERO, true)).containsExactly(
                new Found(DiscrepancyKind.DAMAGED, A, 10L, 2), new Found(DiscrepancyKind.WRONG_ITEM, wrong, null, 3),
                new Found(DiscrepancyKind.DAMAGED, wrong, null, 1), new Found(DiscrepancyKind.UNKNOWN_ITEM, unknown, null, 2));
    }
}
