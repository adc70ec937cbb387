using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GLA.Staff.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TrustSettingsAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "early_career",
                table: "staff_members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_members",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "trust_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    trust_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    academic_year_start_month = table.Column<int>(type: "integer", nullable: false),
                    academic_year_start_day = table.Column<int>(type: "integer", nullable: false),
                    pay_recommendations_used = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trust_settings", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "trust_settings",
                columns: new[] { "id", "academic_year_start_day", "academic_year_start_month", "pay_recommendations_used", "trust_name" },
                values: new object[] { 1, 1, 9, false, "Our trust" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trust_settings");

            migrationBuilder.DropColumn(
                name: "early_career",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_members");
        }
    }
}
