using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GLA.Training.Infrastructure.Migrations
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "appraiser_id",
                table: "staff_members");
        }
    }
}
