"""Well-known image names, so ``COPY --from=nginx`` is read as an image and not a typo."""

from __future__ import annotations

#: Docker Hub official images (and a few very common single-word images).
OFFICIAL_IMAGES = frozenset(
    {
     "adminer", "aerospike", "almalinux", "alpine", "amazoncorretto", "amazonlinux", "arangodb",
     "archlinux", "backdrop", "bash", "bonita", "buildpack-deps", "busybox", "caddy",
     "cassandra", "centos", "chronograf", "clearlinux", "clojure", "composer", "consul",
     "convertigo", "couchbase", "couchdb", "crate", "dart", "debian", "docker", "drupal",
     "eclipse-mosquitto", "eclipse-temurin", "elasticsearch", "elixir", "emqx", "erlang",
     "fedora", "flink", "fluentd", "friendica", "gazebo", "gcc", "geonetwork", "ghost", "golang",
     "gradle", "groovy", "haproxy", "haskell", "hello-world", "httpd", "hylang",
     "ibm-semeru-runtimes", "ibmjava", "influxdb", "irssi", "jetty", "joomla", "jruby", "julia",
     "kapacitor", "kibana", "kong", "liquibase", "logstash", "mariadb", "matomo", "maven",
     "mediawiki", "memcached", "mongo", "mongo-express", "monica", "mono", "mysql", "nats",
     "nats-streaming", "neo4j", "nextcloud", "nginx", "node", "notary", "odoo", "open-liberty",
     "openjdk", "oraclelinux", "orientdb", "percona", "perl", "photon", "php", "php-zendserver",
     "phpmyadmin", "plone", "postfixadmin", "postgis", "postgres", "pypy", "python", "r-base",
     "rabbitmq", "rakudo-star", "redis", "redmine", "registry", "rethinkdb", "rocket.chat",
     "rockylinux", "ros", "ruby", "rust", "sapmachine", "satosa", "scratch", "silverpeas",
     "solr", "sonarqube", "spark", "spiped", "storm", "swift", "teamspeak", "telegraf", "tomcat",
     "tomee", "traefik", "ubuntu", "unit", "varnish", "vault", "websphere-liberty", "wordpress",
     "xwiki", "yourls", "znc", "zookeeper",
    }
)  # fmt: skip
