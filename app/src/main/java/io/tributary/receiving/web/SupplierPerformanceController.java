package io.tributary.receiving.web;

import io.tributary.procurement.SupplierCode;
import io.tributary.receiving.SupplierPerformance;
import io.tributary.receiving.SupplierPerformances;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /suppliers/{code}/performance?days=} (default 90): on-time rate, lead time, fill rate and discrepancy rate (ADR 0020). */
@RestController
@RequestMapping("/api/v1/suppliers")
class SupplierPerformanceController {

    private final SupplierPerformances performances;

    SupplierPerformanceController(SupplierPerformances performances) {
        this.performances = performances;
    }

    @GetMapping("/{code}/performance")
    SupplierPerformance performance(@PathVariable String code, @RequestParam(required = false) Integer days) {
        return performances.of(SupplierCode.parse(code, "code"), days);
    }
}
