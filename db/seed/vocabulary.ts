/** Words for realistic sample UMKM of Jawa Barat: Sundanese names, products per category, prices in Rupiah. */
export const honorifics = ['Bu', 'Pak', 'Ceu', 'Mang', 'Teh', 'Kang', 'Abah', 'Ema', 'Bi', 'Aa'];
export const people = [
  'Enok', 'Imas', 'Dede', 'Ujang', 'Asep', 'Euis', 'Neneng', 'Cucu', 'Iis', 'Entin', 'Yayat', 'Dadang',
  'Cecep', 'Nining', 'Popon', 'Titin', 'Odah', 'Engkus', 'Jajang', 'Wawan', 'Yeti', 'Nunung', 'Otong', 'Iwan',
  'Rina', 'Siti', 'Tati', 'Lilis', 'Agus', 'Hendra', 'Nana', 'Ikah', 'Oom', 'Ade', 'Yuyun', 'Dudi',
];
export const brands = [
  'Sari Rasa', 'Mekar Jaya', 'Berkah', 'Barokah', 'Sinar Mulya', 'Rizki', 'Saung', 'Pusaka', 'Lestari', 'Mandiri',
  'Mustika', 'Wargi', 'Sauyunan', 'Someah', 'Kabita', 'Raos', 'Geulis', 'Sae', 'Hejo', 'Tresna', 'Cahaya', 'Harapan',
];

interface ProductIdea {
  name: string;
  price: [number, number];
}

interface CategoryVocabulary {
  lead: string[];
  products: ProductIdea[];
  story: string[];
  kbli: string[];
  platforms: string[];
}

export const vocabulary: Record<string, CategoryVocabulary> = {
  kuliner: {
    // Spelled as shops spell them: Keripik and Kripik, Bakso and Baso, Sambal and Sambel (see content/search-words.json).
    lead: ['Keripik', 'Kripik', 'Keripik Singkong', 'Seblak', 'Bakso', 'Baso', 'Batagor', 'Cireng', 'Kue Balok', 'Surabi', 'Kupat Tahu', 'Nasi Liwet', 'Sangu Liwet', 'Sambal', 'Sambel', 'Bolu', 'Kopi'],
    products: [
      { name: 'Keripik singkong balado 250 g', price: [12000, 18000] },
      { name: 'Seblak kering pedas 200 g', price: [15000, 20000] },
      { name: 'Cireng isi ayam frozen isi 10', price: [20000, 28000] },
      { name: 'Sambal cumi botol 150 ml', price: [25000, 35000] },
      { name: 'Bolu pandan loyang 22 cm', price: [45000, 60000] },
      { name: 'Nasi liwet komplit porsi', price: [25000, 35000] },
      { name: 'Kopi arabika Java Preanger 200 g', price: [65000, 95000] },
      { name: 'Basreng pedas daun jeruk 150 g', price: [10000, 15000] },
      { name: 'Kue balok cokelat lumer isi 5', price: [20000, 25000] },
      { name: 'Kripik pedes daun jeruk 200 g', price: [12000, 17000] },
      { name: 'Keripik cau tanduk 250 g', price: [15000, 22000] },
      { name: 'Baso aci isi 5', price: [15000, 20000] },
      { name: 'Kupat tahu porsi', price: [12000, 15000] },
      { name: 'Sambel dadak cengek botol 150 ml', price: [20000, 28000] },
    ],
    story: [
      'Dibuat setiap hari dari bahan segar tanpa pengawet.',
      'Resep keluarga turun-temurun sejak tahun 1990-an.',
      'Melayani pesanan hajatan, arisan dan oleh-oleh kantor.',
      'Bumbu diracik sendiri, tingkat pedas bisa dipilih.',
    ],
    kbli: ['10794', '10710', '56102', '56103', '10799'],
    platforms: ['gofood', 'grabfood', 'shopee', 'tokopedia', 'instagram', 'shopeefood'],
  },
  'oleh-oleh': {
    lead: ['Dodol', 'Peuyeum', 'Opak', 'Rengginang', 'Ranginang', 'Wajit', 'Kerupuk', 'Krupuk', 'Kurupuk', 'Manisan', 'Tahu Susu', 'Gula Kawung'],
    products: [
      { name: 'Dodol original 500 g', price: [30000, 40000] },
      { name: 'Peuyeum Bandung sesisir', price: [15000, 25000] },
      { name: 'Rengginang terasi 250 g', price: [15000, 20000] },
      { name: 'Kurupuk kulit sapi 250 g', price: [25000, 35000] },
      { name: 'Gula kawung batok 1 kg', price: [28000, 38000] },
      { name: 'Keripik sampeu pedas 250 g', price: [12000, 18000] },
      { name: 'Wajit Cililin isi 20', price: [25000, 35000] },
      { name: 'Manisan pala kering 250 g', price: [20000, 30000] },
      { name: 'Opak ketan bakar 200 g', price: [12000, 18000] },
    ],
    story: ['Oleh-oleh khas yang dibawa pulang pemudik sejak lama.', 'Dikemas rapi dan tahan lama untuk perjalanan.', 'Tersedia paket hampers untuk hari raya.'],
    kbli: ['10796', '10794', '10799'],
    platforms: ['tokopedia', 'shopee', 'tiktok', 'instagram'],
  },
  fesyen: {
    lead: ['Batik', 'Hijab', 'Konveksi', 'Kaos', 'Gamis', 'Sepatu', 'Tas Rajut', 'Jaket Kulit'],
    products: [
      { name: 'Batik tulis Garut motif merak', price: [350000, 750000] },
      { name: 'Hijab segi empat voal', price: [35000, 65000] },
      { name: 'Kaos sablon Sunda kata-kata', price: [75000, 95000] },
      { name: 'Gamis katun rayon', price: [150000, 225000] },
      { name: 'Sepatu kulit Cibaduyut pria', price: [250000, 450000] },
      { name: 'Jaket kulit domba Garut', price: [850000, 1500000] },
    ],
    story: ['Dijahit oleh pengrajin lokal dengan bahan pilihan.', 'Menerima pesanan seragam kantor dan sekolah.', 'Tersedia ukuran S sampai XXL.'],
    kbli: ['14111', '14120', '13134', '47912'],
    platforms: ['shopee', 'tokopedia', 'tiktok', 'lazada', 'instagram', 'blibli'],
  },
  kriya: {
    lead: ['Anyaman', 'Kerajinan Bambu', 'Ukiran', 'Wayang Golek', 'Angklung', 'Gerabah', 'Kerajinan Kulit'],
    products: [
      { name: 'Wayang golek hias 40 cm', price: [250000, 600000] },
      { name: 'Angklung satu set 8 nada', price: [350000, 500000] },
      { name: 'Tas anyaman pandan', price: [85000, 150000] },
      { name: 'Lampu hias bambu', price: [120000, 250000] },
      { name: 'Gerabah pot tanah liat', price: [25000, 80000] },
    ],
    story: ['Dikerjakan tangan oleh perajin kampung kami.', 'Cocok untuk suvenir kantor dan dekorasi rumah.', 'Bisa dipesan dengan ukiran nama.'],
    kbli: ['16293', '13134', '32400'],
    platforms: ['tokopedia', 'shopee', 'instagram', 'blibli', 'facebook'],
  },
  kecantikan: {
    lead: ['Sabun', 'Skincare', 'Lulur', 'Minyak Rambut', 'Lip Cream'],
    products: [
      { name: 'Sabun sereh wangi handmade', price: [15000, 25000] },
      { name: 'Lulur bengkoang 200 g', price: [35000, 45000] },
      { name: 'Minyak kemiri 100 ml', price: [30000, 40000] },
      { name: 'Serum wajah ekstrak teh hijau', price: [65000, 95000] },
    ],
    story: ['Bahan alami dari kebun sekitar Priangan.', 'Terdaftar dan diproduksi dengan standar kebersihan.', 'Tersedia ukuran travel.'],
    kbli: ['20232', '47911'],
    platforms: ['shopee', 'tiktok', 'tokopedia', 'instagram'],
  },
  'herbal-jamu': {
    lead: ['Jamu', 'Wedang', 'Bandrek', 'Bajigur', 'Sari Jahe', 'Temulawak'],
    products: [
      { name: 'Bandrek instan isi 10 sachet', price: [20000, 28000] },
      { name: 'Jamu kunyit asam botol 250 ml', price: [8000, 12000] },
      { name: 'Sari jahe merah bubuk 250 g', price: [30000, 40000] },
      { name: 'Bajigur instan isi 10', price: [18000, 25000] },
    ],
    story: ['Diracik dari rempah segar pilihan.', 'Minuman hangat khas Sunda untuk keluarga.', 'Tanpa pemanis buatan.'],
    kbli: ['21022', '11040', '10799'],
    platforms: ['shopee', 'tokopedia', 'tiktok', 'gofood'],
  },
  furnitur: {
    lead: ['Mebel', 'Furnitur Jati', 'Kursi Rotan', 'Lemari', 'Meja Kayu'],
    products: [
      { name: 'Kursi rotan teras set', price: [1500000, 2500000] },
      { name: 'Meja makan kayu mahoni', price: [2000000, 3500000] },
      { name: 'Rak buku kayu pinus', price: [350000, 600000] },
      { name: 'Lemari pakaian dua pintu', price: [1800000, 2800000] },
    ],
    story: ['Kayu kering oven, awet puluhan tahun.', 'Bisa pesan ukuran sesuai ruangan.', 'Melayani pengiriman se-Jawa Barat.'],
    kbli: ['31001', '31002'],
    platforms: ['tokopedia', 'shopee', 'facebook', 'instagram'],
  },
  pertanian: {
    lead: ['Kebun', 'Tani', 'Sayur Organik', 'Kopi', 'Teh', 'Buah'],
    products: [
      { name: 'Sayur organik paket mingguan', price: [75000, 120000] },
      { name: 'Green bean kopi arabika 1 kg', price: [120000, 180000] },
      { name: 'Teh hijau daun 250 g', price: [35000, 55000] },
      { name: 'Stroberi Ciwidey 500 g', price: [30000, 45000] },
      { name: 'Beras pandan wangi 5 kg', price: [75000, 90000] },
      { name: 'Hui Cilembu madu 1 kg', price: [20000, 30000] },
      { name: 'Cau ambon sesisir', price: [20000, 35000] },
    ],
    story: ['Dipanen langsung dari kebun di lereng gunung.', 'Ditanam tanpa pestisida kimia.', 'Bermitra dengan kelompok tani setempat.'],
    kbli: ['01130', '01270', '01121'],
    platforms: ['tokopedia', 'shopee', 'instagram', 'facebook'],
  },
  peternakan: {
    lead: ['Ternak', 'Telur', 'Susu Segar', 'Domba'],
    products: [
      { name: 'Telur ayam kampung isi 10', price: [25000, 32000] },
      { name: 'Endog hayam kampung isi 10', price: [25000, 32000] },
      { name: 'Susu sapi segar 1 liter', price: [15000, 20000] },
      { name: 'Domba Garut siap kurban', price: [3500000, 6000000] },
    ],
    story: ['Ternak dirawat dengan pakan alami.', 'Diantar segar setiap pagi.', 'Menerima pesanan aqiqah dan kurban.'],
    kbli: ['01462', '01411', '01442'],
    platforms: ['tokopedia', 'facebook', 'instagram', 'shopee'],
  },
  perikanan: {
    lead: ['Ikan', 'Bandeng Presto', 'Ikan Asin', 'Lele', 'Nila'],
    products: [
      { name: 'Bandeng presto isi 4', price: [45000, 60000] },
      { name: 'Ikan asin jambal roti 250 g', price: [40000, 55000] },
      { name: 'Nila segar 1 kg', price: [35000, 42000] },
      { name: 'Abon ikan tongkol 100 g', price: [25000, 35000] },
    ],
    story: ['Dari kolam dan tambak sendiri.', 'Diolah higienis dan dikemas vakum.', 'Melayani partai besar untuk rumah makan.'],
    kbli: ['03221', '10213'],
    platforms: ['shopee', 'tokopedia', 'gofood', 'grabfood'],
  },
  jasa: {
    lead: ['Laundry', 'Salon', 'Bengkel', 'Servis HP', 'Jahit', 'Sablon'],
    products: [
      { name: 'Cuci setrika per kg', price: [7000, 10000] },
      { name: 'Potong rambut', price: [25000, 50000] },
      { name: 'Servis motor ringan', price: [50000, 100000] },
      { name: 'Ganti LCD ponsel', price: [250000, 750000] },
      { name: 'Permak celana', price: [15000, 30000] },
    ],
    story: ['Melayani antar jemput di sekitar kecamatan.', 'Dikerjakan rapi dan tepat waktu.', 'Buka setiap hari pukul 08.00–20.00.'],
    kbli: ['96200', '96111', '95110', '45405'],
    platforms: ['instagram', 'facebook', 'tiktok', 'shopee'],
  },
  'toko-kelontong': {
    lead: ['Toko', 'Warung', 'Grosir', 'Mart'],
    products: [
      { name: 'Paket sembako hemat', price: [95000, 150000] },
      { name: 'Beras premium 5 kg', price: [70000, 80000] },
      { name: 'Minyak goreng 2 liter', price: [34000, 38000] },
    ],
    story: ['Melayani warga sekitar dan pesan antar.', 'Harga grosir untuk warung.', 'Buka pagi sampai malam.'],
    kbli: ['47111', '46331'],
    platforms: ['tokopedia', 'shopee', 'grabfood', 'gofood'],
  },
  otomotif: {
    lead: ['Variasi Motor', 'Onderdil', 'Jok Motor', 'Bengkel Las'],
    products: [
      { name: 'Jok motor custom', price: [250000, 500000] },
      { name: 'Knalpot racing', price: [350000, 900000] },
      { name: 'Kampas rem motor', price: [35000, 60000] },
    ],
    story: ['Pengerjaan di bengkel sendiri.', 'Garansi pemasangan.', 'Melayani kiriman ke luar kota.'],
    kbli: ['45405', '45403', '45200'],
    platforms: ['tokopedia', 'shopee', 'tiktok', 'facebook'],
  },
  pariwisata: {
    lead: ['Homestay', 'Villa', 'Saung', 'Wisata Desa', 'Camping Ground'],
    products: [
      { name: 'Kamar homestay per malam', price: [250000, 450000] },
      { name: 'Paket wisata desa sehari', price: [75000, 150000] },
      { name: 'Sewa tenda camping', price: [100000, 200000] },
    ],
    story: ['Suasana sejuk khas pegunungan Priangan.', 'Dikelola warga desa.', 'Dekat objek wisata alam.'],
    kbli: ['55194', '79120'],
    platforms: ['instagram', 'facebook', 'tiktok'],
  },
  'desain-percetakan': {
    lead: ['Percetakan', 'Sablon', 'Desain', 'Kemasan', 'Digital Printing'],
    products: [
      { name: 'Cetak stiker label produk per lembar A3', price: [15000, 25000] },
      { name: 'Desain logo UMKM', price: [150000, 500000] },
      { name: 'Standing pouch custom 100 pcs', price: [250000, 400000] },
      { name: 'Spanduk per meter', price: [25000, 35000] },
    ],
    story: ['Membantu UMKM tampil lebih menarik.', 'Bisa cetak satuan maupun partai.', 'Proses cepat 1–2 hari.'],
    kbli: ['18111', '74100', '18112'],
    platforms: ['tokopedia', 'shopee', 'instagram'],
  },
};
