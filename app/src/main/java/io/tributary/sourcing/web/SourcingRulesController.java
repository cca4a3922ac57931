package io.tributary.sourcing.web;

import io.tributary.access.CurrentActor;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.Channels;
import io.tributary.shared.NotFound;
import io.tributary.sourcing.BackorderPolicy;
import io.tributary.sourcing.Sourcing;
import io.tributary.sourcing.SourcingRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A channel's routing rules: {@code GET /channels/{code}/sourcing-rules} (the defaults when none
 * are set) and {@code PUT} (administrators), where an omitted field takes its default.
 */
@RestController
class SourcingRulesController {

    private final Sourcing sourcing;
    private final Channels channels;

    SourcingRulesController(Sourcing sourcing, Channels channels) {
        this.sourcing = sourcing;
        this.channels = channels;
    }

    record RulesRequest(@DecimalMin("0") @DecimalMax("1000000") Double shipmentCost,
                        @DecimalMin("0") @DecimalMax("1000") Double costPerKm,
                        @DecimalMin("0") @DecimalMax("1000000") Double splitPenalty,
                        Boolean neverSplit, Boolean preferStoresForSameDay,
                        @DecimalMin("0") @DecimalMax("1000000") Double storePreference,
                        @Min(0) @Max(1_000_000) Long storeReserveUnits, BackorderPolicy backorderPolicy,
                        @Min(0) @Max(1000) Integer sameDayMaxKm, @Min(1) @Max(60) Integer standardDays,
                        @Min(0) @Max(20000) Integer domesticKm, @Min(0) @Max(20000) Integer internationalKm) {

        SourcingRules toRules() {
            SourcingRules d = SourcingRules.DEFAULTS;
            return new SourcingRules(or(shipmentCost, d.shipmentCost()), or(costPerKm, d.costPerKm()), or(splitPenalty, d.splitPenalty()),
                    or(neverSplit, d.neverSplit()), or(preferStoresForSameDay, d.preferStoresForSameDay()),
                    or(storePreference, d.storePreference()), or(storeReserveUnits, d.storeReserveUnits()),
                    or(backorderPolicy, d.backorderPolicy()), or(sameDayMaxKm, d.sameDayMaxKm()), or(standardDays, d.standardDays()),
                    or(domesticKm, d.domesticKm()), or(internationalKm, d.internationalKm()));
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }

    @GetMapping("/api/v1/channels/{code}/sourcing-rules")
    SourcingRules get(@PathVariable String code) {
        return sourcing.rules(existing(code));
    }

    @PutMapping("/api/v1/channels/{code}/sourcing-rules")
    SourcingRules put(@PathVariable String code, @Valid @RequestBody RulesRequest body) {
        return sourcing.putRules(existing(code), body.toRules(), CurrentActor.get());
    }

    private ChannelCode existing(String code) {
        ChannelCode channel = ChannelCode.parse(code, "code");
        channels.find(channel).orElseThrow(() -> new NotFound("Channel", code));
        return channel;
    }
}
