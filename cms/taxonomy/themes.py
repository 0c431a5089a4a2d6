"""The campaign's curated theme vocabulary (slug, name, description).

Editors may add free tags too; these are the ones the archive is organised
around, created by a data migration and marked curated.
"""

CURATED_THEMES = [
    ("ocop", "OCOP", "Chương trình Mỗi xã một sản phẩm"),
    ("chong-hang-gia", "Chống hàng giả", "Chống buôn lậu, hàng giả, hàng nhái, gian lận thương mại"),
    ("thuong-mai-dien-tu", "Thương mại điện tử", "Đưa hàng Việt lên sàn, bán hàng trực tuyến"),
    ("xuc-tien-thuong-mai", "Xúc tiến thương mại", "Hội chợ, phiên chợ hàng Việt, kết nối cung cầu"),
    ("bao-ve-nguoi-tieu-dung", "Bảo vệ người tiêu dùng", "Quyền lợi người tiêu dùng"),
    ("mua-sam-cong", "Mua sắm công", "Ưu tiên hàng Việt trong mua sắm bằng ngân sách nhà nước"),
    ("tet", "Tết", "Hàng Việt dịp Tết Nguyên đán"),
    ("thi-dua-khen-thuong", "Thi đua khen thưởng", "Biểu dương, khen thưởng tập thể, cá nhân tiêu biểu"),
    ("kiem-tra-giam-sat", "Kiểm tra giám sát", "Kiểm tra, giám sát việc thực hiện Cuộc vận động"),
    ("thuong-hieu-viet", "Thương hiệu Việt", "Xây dựng, bảo vệ thương hiệu sản phẩm Việt"),
    ("ho-tro-doanh-nghiep", "Hỗ trợ doanh nghiệp", "Cơ chế, chính sách hỗ trợ doanh nghiệp, hợp tác xã"),
    ("tuyen-truyen", "Tuyên truyền", "Thông tin, tuyên truyền về Cuộc vận động"),
    ("nong-san", "Nông sản", "Tiêu thụ nông sản, sản phẩm nông nghiệp"),
    ("hang-viet-ve-nong-thon", "Hàng Việt về nông thôn", "Đưa hàng Việt về nông thôn, miền núi"),
    ("neu-guong", "Nêu gương", "Trách nhiệm nêu gương của cán bộ, đảng viên"),
    ("he-thong-phan-phoi", "Hệ thống phân phối", "Chợ, siêu thị, kênh phân phối hàng Việt"),
]
