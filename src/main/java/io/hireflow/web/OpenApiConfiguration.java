package io.hireflow.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API's description at {@code /v3/api-docs} (and Swagger UI): who may call it and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI hireflowApi() {
        return new OpenAPI()
                .info(new Info().title("Hireflow API").version("v1").description("""
                        Jobs, pipelines, candidates and applications of your organization.

                        Authenticate with a personal API token: `Authorization: Bearer <token>`. Create one in the \
                        UI (API tokens) or with HTTP Basic (your email and password) on `POST /api/v1/tokens`; \
                        the token is shown once. Every call sees only your organization's records: another \
                        organization's id answers 404, exactly like an id that does not exist.

                        Errors are RFC 9457 problem documents (`application/problem+json`) with a `detail` in the \
                        language of `Accept-Language` (Korean or English); 400 lists each bad field in `errors`, \
                        409 says why a move or change was refused (illegal move, stale `version`, duplicate)."""))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("A personal API token (hf_...)"))
                        .addSecuritySchemes("password", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Email and password; only for POST /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
