package io.github.seckill.api.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);
}
