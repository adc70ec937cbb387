using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GLA.Staff.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LineManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "appraiser_id",
                table: "staff_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "appraiser_assignment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appraiser_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appraiser_assignment", x => x.id);
                    table.ForeignKey(
                        name: "fk_appraiser_assignment_staff_members_appraiser_id",
                        column: x => x.appraiser_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appraiser_assignment_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_appraiser_id",
                table: "staff_members",
                column: "appraiser_id");

            migrationBuilder.CreateIndex(
                name: "ix_appraiser_assignment_appraiser_id",
                table: "appraiser_assignment",
                column: "appraiser_id");

            migrationBuilder.CreateIndex(
                name: "ix_appraiser_assignment_staff_member_id_from",
                table: "appraiser_assignment",
                columns: new[] { "staff_member_id", "from" });

            migrationBuilder.AddForeignKey(
                name: "fk_staff_members_staff_members_appraiser_id",
                table: "staff_members",
                column: "appraiser_id",
                principalTable: "staff_members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_staff_members_staff_members_appraiser_id",
                table: "staff_members");

            migrationBuilder.DropTable(
                name: "appraiser_assignment");

            migrationBuilder.DropIndex(
                name: "ix_staff_members_appraiser_id",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "appraiser_id",
                table: "staff_members");
        }
    }
}
