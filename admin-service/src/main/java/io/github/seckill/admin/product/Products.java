package io.github.seckill.admin.product;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Products extends JpaRepository<Product, Long> {

    boolean existsByIdAndArchivedAtIsNull(long id);

    List<Product> findByArchivedAtIsNullOrderByName();
}
