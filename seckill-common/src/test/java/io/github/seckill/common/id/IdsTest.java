package io.github.seckill.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {

    static Stream<LongFunction<Object>> ids() {
        return Stream.of(SaleId::new, OrderId::new, UserId::new);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void refusesZeroAndNegativeValues(LongFunction<Object> id) {
        assertThatIllegalArgumentException().isThrownBy(() -> id.apply(0)).withMessageContaining("positive");
        assertThatIllegalArgumentException().isThrownBy(() -> id.apply(-1)).withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> id.apply(Long.MIN_VALUE));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void isEqualByValue(LongFunction<Object> id) {
        assertThat(id.apply(42)).isEqualTo(id.apply(42)).hasSameHashCodeAs(id.apply(42)).isNotEqualTo(id.apply(43));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void printsThePlainNumberAsKeysAndLogsExpect(LongFunction<Object> id) {
        assertThat(id.apply(1)).hasToString("1");
        assertThat(id.apply(Long.MAX_VALUE)).hasToString("9223372036854775807");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void idsOfDifferentThingsNeverEqual(LongFunction<Object> id) {
        ids().map(other -> other.apply(7)).filter(other -> other.getClass() != id.apply(7).getClass())
                .forEach(other -> assertThat(id.apply(7)).isNotEqualTo(other));
    }
}
