package io.github.seckill.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordSettingsTest {

    @Test
    void strengthOutsideBcryptsRangeIsRefusedWithTheSettingsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordSettings(3))
                .withMessage("seckill.passwords.strength must be 4 to 31, not 3");
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordSettings(32))
                .withMessage("seckill.passwords.strength must be 4 to 31, not 32");
    }

    @Test
    void aPasswordHashedAtOneStrengthStillVerifiesAfterTheStrengthChanges() {
        String stored = new BCryptPasswordEncoder(new PasswordSettings(10).strength()).encode("correct horse");
        BCryptPasswordEncoder lowered = new BCryptPasswordEncoder(new PasswordSettings(4).strength());

        assertThat(stored).startsWith("$2a$10$");
        assertThat(lowered.encode("correct horse")).startsWith("$2a$04$");
        assertThat(lowered.matches("correct horse", stored)).isTrue();
        assertThat(lowered.matches("wrong horse", stored)).isFalse();
    }
}
