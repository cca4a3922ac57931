package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierInvoice;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for supplier invoices and their lines. */
@Repository
public class JdbcSupplierInvoices {

    private final JdbcClient jdbc;

    JdbcSupplierInvoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SupplierInvoice i) {
        jdbc.sql("""
                        insert into supplier_invoice (id, supplier_code, invoice_number, purchase_order_id, invoice_date, purchase_order_date,
                                                      currency, total, interchange_control, received_at, received_by)
                        values (:id, :supplier, :number, :po, :date, :poDate, :currency, :total, :control, :at, :by)""")
                .param("id", i.id()).param("supplier", i.supplier().value()).param("number", i.invoiceNumber())
                .param("po", i.purchaseOrder()).param("date", Date.valueOf(i.invoiceDate()))
                .param("poDate", i.purchaseOrderDate() == null ? null : Date.valueOf(i.purchaseOrderDate()))
                .param("currency", i.currency().getCurrencyCode()).param("total", i.total()).param("control", i.interchange())
                .param("at", Timestamp.from(i.receivedAt())).param("by", i.receivedBy())
                .update();
        for (SupplierInvoice.Line l : i.lines()) {
            jdbc.sql("""
                            insert into supplier_invoice_line (invoice_id, line_no, purchase_order_line, sku, supplier_sku, quantity, unit,
                                                               unit_price, amount)
                            values (:id, :lineNo, :poLine, :sku, :supplierSku, :quantity, :unit, :price, :amount)""")
                    .param("id", i.id()).param("lineNo", l.lineNo()).param("poLine", l.purchaseOrderLine()).param("sku", l.sku().value())
                    .param("supplierSku", l.supplierSku()).param("quantity", l.quantity()).param("unit", l.unit())
                    .param("price", l.unitPrice()).param("amount", l.amount())
                    .update();
        }
    }

    public boolean exists(SupplierCode supplier, String invoiceNumber) {
        return jdbc.sql("select exists (select 1 from supplier_invoice where supplier_code = :supplier and invoice_number = :number)")
                .param("supplier", supplier.value()).param("number", invoiceNumber).query(Boolean.class).single();
    }

    public Optional<SupplierInvoice> find(UUID id) {
        List<SupplierInvoice.Line> lines = jdbc.sql("""
                        select line_no, purchase_order_line, sku, supplier_sku, quantity, unit, unit_price, amount
                        from supplier_invoice_line where invoice_id = :id order by line_no""")
                .param("id", id)
                .query((rs, n) -> new SupplierInvoice.Line(rs.getInt("line_no"), rs.getInt("purchase_order_line"), new Sku(rs.getString("sku")),
                        rs.getString("supplier_sku"), rs.getLong("quantity"), rs.getString("unit"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("amount")))
                .list();
        return jdbc.sql("""
                        select i.*, po.number as purchase_order_number
                        from supplier_invoice i join purchase_order po on po.id = i.purchase_order_id
                        where i.id = :id""")
                .param("id", id)
                .query((rs, n) -> invoice(rs, lines))
                .optional();
    }

    /** Ids of up to {@code rows} invoices, newest first, optionally of one order, strictly before {@code before}. */
    public List<UUID> page(UUID purchaseOrder, UUID before, int rows) {
        return jdbc.sql("""
                        select id from supplier_invoice
                        where (cast(:po as uuid) is null or purchase_order_id = :po)
                          and (cast(:before as uuid) is null or id < :before)
                        order by id desc limit :rows""")
                .param("po", purchaseOrder).param("before", before).param("rows", rows)
                .query(UUID.class).list();
    }

    private static SupplierInvoice invoice(ResultSet rs, List<SupplierInvoice.Line> lines) throws SQLException {
        Date poDate = rs.getDate("purchase_order_date");
        return new SupplierInvoice(rs.getObject("id", UUID.class), new SupplierCode(rs.getString("supplier_code")), rs.getString("invoice_number"),
                rs.getDate("invoice_date").toLocalDate(), rs.getObject("purchase_order_id", UUID.class), rs.getString("purchase_order_number"),
                poDate == null ? null : poDate.toLocalDate(), Currency.getInstance(rs.getString("currency")), rs.getBigDecimal("total"), lines,
                rs.getLong("interchange_control"), rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"));
    }
}
