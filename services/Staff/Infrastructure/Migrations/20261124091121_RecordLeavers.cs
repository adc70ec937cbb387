using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GLA.Staff.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RecordLeavers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "left_on",
                table: "staff_members",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "left_on",
                table: "staff_members");
        }
    }
}
