# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The database's own guard of the barter ledger: the last line of defence
behind the model's checks, for any path that writes the tables."""

# Units are euros: cents are the smallest unit that can change hands.
AMOUNT_DIGITS = (16, 2)

# Refuses, at commit, any transaction that leaves an account's stored balance
# different from the sum of its done transfers (credits minus debits). A
# transfer's row is checked on INSERT, UPDATE and DELETE, for the accounts it
# had before the change as well as after it: deleting a done transfer, or
# moving it to another account, must not leave a balance behind.
LEDGER_CHECK_SQL = """
CREATE OR REPLACE FUNCTION kepos_barter_check_account(acc_id integer)
RETURNS void AS $$
DECLARE
    stored numeric;
    ledger numeric;
BEGIN
    SELECT balance INTO stored FROM kepos_barter_account WHERE id = acc_id;
    SELECT COALESCE(SUM(CASE WHEN payee_account_id = acc_id
                             THEN amount ELSE -amount END), 0)
      INTO ledger
      FROM kepos_barter_transfer
     WHERE state = 'done'
       AND (payer_account_id = acc_id OR payee_account_id = acc_id);
    IF COALESCE(stored, 0) <> ledger THEN
        RAISE EXCEPTION 'kepos barter account %: balance % differs from ledger %',
            acc_id, stored, ledger USING ERRCODE = 'check_violation';
    END IF;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION kepos_barter_check_account_row() RETURNS trigger AS $$
BEGIN
    PERFORM kepos_barter_check_account(NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION kepos_barter_check_transfer_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM kepos_barter_check_account(OLD.payer_account_id);
        PERFORM kepos_barter_check_account(OLD.payee_account_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM kepos_barter_check_account(NEW.payer_account_id);
        PERFORM kepos_barter_check_account(NEW.payee_account_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS kepos_barter_account_ledger ON kepos_barter_account;
CREATE CONSTRAINT TRIGGER kepos_barter_account_ledger
    AFTER INSERT OR UPDATE OF balance ON kepos_barter_account
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE PROCEDURE kepos_barter_check_account_row();
DROP TRIGGER IF EXISTS kepos_barter_transfer_ledger ON kepos_barter_transfer;
CREATE CONSTRAINT TRIGGER kepos_barter_transfer_ledger
    AFTER INSERT OR DELETE
       OR UPDATE OF state, amount, payer_account_id, payee_account_id
    ON kepos_barter_transfer
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE PROCEDURE kepos_barter_check_transfer_row();
"""
