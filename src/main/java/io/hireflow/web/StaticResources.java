package io.hireflow.web;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files at exactly the paths they live under ({@code /css}, {@code /js}, {@code /img}, {@code /webjars}), in
 * place of Spring Boot's catch-all {@code /**} ({@code spring.web.resources.add-mappings=false}). With the catch-all,
 * every link a page writes ({@code @{/applications/…}}) was looked up as a possible static file inside the jar before
 * it was written: in a packaged application, most of a page's time. The WebJars' versionless paths still resolve.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl HOUR = CacheControl.maxAge(1, TimeUnit.HOURS);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(HOUR);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(HOUR);
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").setCacheControl(HOUR);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(HOUR).resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
