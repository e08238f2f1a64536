create sequence post_seq start with 1 increment by 50;
create table post (
    id     bigint       not null primary key,
    title  varchar(200) not null,
    likes  int          not null
);

create sequence product_seq start with 1 increment by 50;
create table product (
    id     bigint      not null primary key,
    sku    varchar(64) not null,
    stock  int         not null,
    constraint uk_product_sku unique (sku)
);

create sequence purchase_order_seq start with 1 increment by 50;
create table purchase_order (
    id           bigint      not null primary key,
    status       varchar(16) not null,
    total_cents  bigint      not null
);

create sequence payment_seq start with 1 increment by 50;
create table payment (
    id            bigint not null primary key,
    order_id      bigint not null,
    amount_cents  bigint not null
);

-- Tags are looked up by name, but nothing in the schema says a name is unique.
create sequence tag_seq start with 1 increment by 50;
create table tag (
    id    bigint       not null primary key,
    name  varchar(100) not null
);

create sequence customer_seq start with 1 increment by 50;
create table customer (
    id     bigint       not null primary key,
    email  varchar(254) not null,
    constraint uk_customer_email unique (email)
);
