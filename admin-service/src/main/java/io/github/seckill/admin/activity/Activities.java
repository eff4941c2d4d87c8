package io.github.seckill.admin.activity;

import org.springframework.data.jpa.repository.JpaRepository;

interface Activities extends JpaRepository<Activity, Long> {
}
