package io.livecommerce.spring.starter;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal application that depends on the starter only: what a user's service looks like. */
@SpringBootApplication
public class ShopApplication {}
