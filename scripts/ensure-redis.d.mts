// Types of ensure-redis.mjs for the tests that start a Redis server.
export declare const INSTALL_HINT: string;
export declare function findRedisServer(): string | undefined;
export declare function ensureRedis(): string;
