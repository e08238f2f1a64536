-- Domains the crawler found; a domain is stored once (the seed story's "keywords_domain_name_key").
create table crawled_domain (
    name          varchar(253) not null,
    found_by      varchar(100) not null,
    constraint uk_crawled_domain_name unique (name)
);

-- The mailing list: one subscription per address.
create table subscriber (
    email         varchar(254) not null primary key,
    token         char(36)     not null
);

-- One statement per account and month, created on the month's first charge.
create table monthly_statement (
    account         varchar(34) not null,
    statement_year  int         not null,
    statement_month int         not null,
    total_cents     bigint      not null,
    constraint uk_monthly_statement_period unique (account, statement_year, statement_month)
);

create table stock_item (
    sku       varchar(64) not null primary key,
    quantity  int         not null
);
