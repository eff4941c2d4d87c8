package io.github.seckill.common.orderservice;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns RestClient's exceptions into the two the callers tell apart: a refusal (4xx) and an order-service
 * that cannot answer now (everything else, including a timeout or an unreadable body, which RestClient only
 * reports after the status handlers ran).
 */
final class Failures implements InvocationHandler {

    private final OrderServiceApi calls;

    private Failures(OrderServiceApi calls) {
        this.calls = calls;
    }

    static OrderServiceApi around(OrderServiceApi calls) {
        return (OrderServiceApi) Proxy.newProxyInstance(OrderServiceApi.class.getClassLoader(),
                new Class<?>[] { OrderServiceApi.class }, new Failures(calls));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(calls, args);
        } catch (InvocationTargetException e) {
            throw translated(e.getCause());
        }
    }

    static Throwable translated(Throwable e) {
        if (e instanceof HttpClientErrorException refused) {
            return new OrderServiceRefused(refused.getStatusCode().value(), detail(refused), e);
        }
        if (e instanceof HttpServerErrorException failed) {
            return new OrderServiceUnavailable(failed.getStatusCode().value(), detail(failed), e);
        }
        if (e instanceof RestClientException) {
            return new OrderServiceUnavailable(0, null, e);
        }
        return e;
    }

    private static String detail(RestClientResponseException e) {
        try {
            ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
            return problem == null ? null : problem.getDetail();
        } catch (RuntimeException notAProblem) {
            return null;
        }
    }
}
