package io.tributary.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The served OpenAPI document's title, description and the two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tributaryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tributary API").version("v1")
                        .description("""
                                Inventory ledger, reservations and availability across every node and channel.
                                Errors are application/problem+json (RFC 9457) with an `errors` array naming each bad field;
                                every state-changing POST accepts an `Idempotency-Key` header."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key created with POST /api/v1/api-keys")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
