"""Well-known image names, so ``COPY --from=nginx`` is read as an image and not a typo."""

from __future__ import annotations

#: Docker Hub official images (and a few very common single-word images).
OFFICIAL_IMAGES = frozenset(
    """
    adminer aerospike almalinux alpine amazoncorretto amazonlinux arangodb archlinux bash
    bonita buildpack-deps busybox caddy cassandra chronograf clearlinux clojure composer
    consul couchbase couchdb crate debian docker drupal eclipse-mosquitto eclipse-temurin
    elasticsearch elixir erlang fedora flink fluentd gazebo gcc ghost golang gradle groovy
    haproxy haskell hello-world httpd hylang ibmjava influxdb irssi jetty joomla jruby julia
    kapacitor kibana kong liquibase logstash mariadb maven mediawiki memcached mongo
    mongo-express mono mysql nats neo4j nextcloud nginx node notary odoo open-liberty openjdk
    oraclelinux orientdb perl photon php php-zendserver phpmyadmin plone postfixadmin postgres
    pypy python r-base rabbitmq rakudo-star redis redmine registry rethinkdb rockylinux
    rocket.chat ruby rust sapmachine satosa scratch silverpeas solr sonarqube spiped storm
    swift teamspeak telegraf tomcat tomee traefik ubuntu unit varnish vault websphere-liberty
    wordpress xwiki yourls zookeeper centos dart ibm-semeru-runtimes emqx friendica geonetwork
    matomo monica nats-streaming percona postgis ros spark convertigo backdrop znc
    """.split()
)
