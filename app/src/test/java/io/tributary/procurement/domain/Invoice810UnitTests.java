package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Invoice810UnitTests {

    static String x12(String... segments) {
        List<String> body = new java.util.ArrayList<>();
        body.add("ST*810*0001");
        body.addAll(List.of(segments));
        body.add("SE*" + (body.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*ACMEEDI        *ZZ*TRIBUTARY      *261201*0900*U*00401*000000077*0*P*>~"
                + "GS*IN*ACMEEDI*TRIBUTARY*20261201*0900*77*X*004010~" + String.join("~", body) + "~GE*1*77~IEA*1*000000077~";
    }

    @Test
    void lineAmountsAreRoundedHalfUpToTheCentAndAddUpToTds() {
        // 3 x 0.3333 = 0.9999 -> 1.00; 7 x 1.2345 = 8.6415 -> 8.64
        Invoice810.Interchange i = Invoice810.read(x12("BIG*20261201*INV-77**PO-000042", "IT1*1*3*EA*0.3333**BP*SKU-1",
                "IT1*2*7*CA*1.2345**VP*A-2", "TDS*964"));
        assertThat(i.senderId()).isEqualTo("ACMEEDI");
        assertThat(i.controlNumber()).isEqualTo("000000077");
        Invoice810.Invoice inv = i.invoices().getFirst();
        assertThat(inv.invoiceNumber()).isEqualTo("INV-77");
        assertThat(inv.invoiceDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(inv.purchaseOrderDate()).isNull();
        assertThat(inv.purchaseOrderNumber()).isEqualTo("PO-000042");
        assertThat(inv.currency()).isNull();
        assertThat(inv.totalCents()).isEqualTo(964);
        assertThat(inv.lines()).extracting(Invoice810.Line::amountCents).containsExactly(100L, 864L);
        assertThat(inv.lines().get(1).supplierSku()).isEqualTo("A-2");
        assertThat(inv.lines().get(1).unit()).isEqualTo("CA");
        assertThat(inv.lines().get(1).unitPrice()).isEqualByComparingTo(new BigDecimal("1.2345"));
        assertThat(inv.lines().get(1).position()).isEqualTo(4);
    }

    @Test
    void aTotalOtherThanTheSumOfTheLinesIsNamedAtTds() {
        assertThatThrownBy(() -> Invoice810.read(x12("BIG*20261201*INV-77**PO-000042", "IT1*1*3*EA*0.3333**BP*SKU-1", "TDS*99")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("TDS01", "segment 4 of transaction set 0001: the total 0.99 is not the sum of the lines, 1.00")));
    }

    @Test
    void aMissingPurchaseOrderAndAPriceOfTooManyDecimalsAreBothNamed() {
        assertThatThrownBy(() -> Invoice810.read(x12("BIG*20261201*INV-77", "IT1*1*3*EA*0.33333**BP*SKU-1", "TDS*100")))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("BIG04", "IT104"));
    }
}
