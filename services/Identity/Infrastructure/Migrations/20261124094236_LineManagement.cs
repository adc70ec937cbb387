using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GLA.Identity.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LineManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appraisee_links",
                columns: table => new
                {
                    appraisee_staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appraiser_staff_member_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraisee_links", x => x.appraisee_staff_member_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appraisee_links_appraiser_staff_member_id",
                table: "appraisee_links",
                column: "appraiser_staff_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appraisee_links");
        }
    }
}
