package com.relationship.projection.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A query parameter the endpoint does not take is refused (400 {@code /problems/unknown-parameter},
 * naming it and the ones there are), as an unknown field in a command body is: "?stag=CUSTOMER"
 * would otherwise answer every account, as if the filter had been applied.
 */
@Configuration(proxyBeanMethods = false)
class KnownQueryParameters implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    Set<String> known = known(method);
                    List<String> unknown = Collections.list(request.getParameterNames()).stream()
                            .filter(name -> !known.contains(name)).sorted().toList();
                    if (!unknown.isEmpty()) {
                        throw new UnknownQueryParameterException(unknown, new TreeSet<>(known));
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    private static Set<String> known(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(KnownQueryParameters::name)
                .collect(Collectors.toSet());
    }

    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
    }

    /** Query parameters the endpoint does not take, and those it does. */
    static final class UnknownQueryParameterException extends RuntimeException {

        private final List<String> unknown;
        private final Set<String> known;

        UnknownQueryParameterException(List<String> unknown, Set<String> known) {
            super("unknown query parameters " + unknown, null, false, false);
            this.unknown = unknown;
            this.known = known;
        }

        List<String> unknown() {
            return unknown;
        }

        Set<String> known() {
            return known;
        }
    }
}
