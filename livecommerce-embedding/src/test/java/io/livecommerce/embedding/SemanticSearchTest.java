package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import io.livecommerce.math.VectorMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shoppers' colloquial questions find the intended product of a Chinese catalogue at rank 1. */
class SemanticSearchTest {

  // Titles and short descriptions as merchants write them: category words and selling points.
  static final List<String> CATALOGUE = List.of(
      "玻尿酸补水保湿面霜 干皮秋冬适用 50g 锁水滋养 改善紧绷起皮",               // 0
      "氨基酸温和洁面乳 敏感肌洗面奶 低刺激 泡沫细腻 洗完不紧绷",                       // 1
      "防晒霜 SPF50+ 户外防紫外线 清爽不油腻 军训通勤 防晒隔离",               // 2
      "哑光雾面口红 显白正红色 持久不脱色 唇膏 黄皮友好",                   // 3
      "控油蓬松洗发水 去屑止痒 500ml 清爽头皮 告别油头",                       // 4
      "男士剃须刀 电动 全身水洗 快充 胡须刀 送男友送爸爸",                       // 5
      "无线蓝牙耳机 主动降噪 长续航 入耳式 通勤音乐 通话清晰",                         // 6
      "快充充电宝 20000毫安 轻薄便携 移动电源 手机平板通用 大容量",                       // 7
      "机械键盘 青轴 RGB背光 电竞游戏 段落感清脆 电脑外设",                       // 8
      "智能手表 心率血氧监测 运动手环 睡眠监测 消息提醒",                       // 9
      "扫地机器人 自动回充 扫拖一体 解放双手 智能清洁",                         // 10
      "空气炸锅 大容量 无油低脂 家用 烤鸡翅 薯条 厨房电器",                       // 11
      "电热水壶 304不锈钢 快速烧水 1.7L 自动断电 学生宿舍可用",                     // 12
      "破壁料理机 豆浆机 多功能榨汁 早餐 米糊 果汁",                         // 13
      "乳胶枕头 护颈椎 泰国天然乳胶 睡眠 颈椎支撑 回弹",                         // 14
      "四件套 纯棉 床单被套 亲肤透气 床品 卧室 裸睡级面料",                       // 15
      "收纳箱 大号 塑料整理箱 带盖 衣物杂物整理 家居收纳 可叠加",                           // 16
      "婴儿纸尿裤 超薄透气 L码 宝宝尿裤 不红屁屁",                             // 17
      "儿童保温杯 316不锈钢 带吸管 防摔 水杯 小学生 幼儿园",                     // 18
      "宝宝辅食米粉 高铁 6个月以上 婴儿营养 初期辅食",                         // 19
      "婴儿推车 轻便折叠 可坐可躺 宝宝手推车 一键收车",                           // 20
      "轻薄羽绒服 白鸭绒 冬季保暖外套 女款 修身不显胖 防风",                 // 21
      "高腰牛仔裤 直筒 显瘦 女 百搭 弹力",                             // 22
      "男士纯棉短袖T恤 圆领 夏季 基础款 吸汗",                           // 23
      "加绒卫衣 连帽 宽松 情侣款 秋冬 上衣",                           // 24
      "跑步鞋 男 缓震透气 运动鞋 慢跑 马拉松训练",                           // 25
      "雪地靴 女 加厚防滑 冬季棉鞋 保暖 东北可穿",                         // 26
      "真丝睡衣 女 长袖 家居服套装 桑蚕丝 舒适",                         // 27
      "每日坚果 混合果仁 独立小包装 30袋 休闲零食 营养 解馋",                   // 28
      "新疆阿克苏冰糖心苹果 脆甜多汁 10斤 新鲜水果 产地直发",                   // 29
      "五常大米 稻花香 新米 5kg 东北大米 煮饭香软 粮油",                             // 30
      "螺蛳粉 广西柳州特产 酸辣 袋装 速食 米粉 夜宵",                       // 31
      "低脂鸡胸肉 即食 健身代餐 高蛋白 减脂",                             // 32
      "云南普洱茶 熟茶 饼茶 357g 茶叶 送礼",                           // 33
      "纯牛奶 全脂 250ml*24盒 整箱 早餐奶 营养",                         // 34
      "速溶黑咖啡 无糖 美式 提神 咖啡粉 熬夜加班",                           // 35
      "狗粮 成犬 鸡肉味 10kg 宠物主粮",                               // 36
      "猫砂 豆腐猫砂 除臭 结团 猫咪用品 可冲厕所",                             // 37
      "瑜伽垫 加厚防滑 健身垫 初学者 居家运动 普拉提",                       // 38
      "哑铃 男士家用 可调节重量 力量训练 练臂",                             // 39
      "车载手机支架 出风口 磁吸 汽车导航 开车用",                             // 40
      "行李箱 20寸 登机箱 万向轮 拉杆箱 旅行 商务",                           // 41
      "保温饭盒 上班族 多层 便当盒 午餐 带饭");                        // 42

  static final Map<String, Integer> QUERIES = Map.ofEntries(
      Map.entry("冬天脸特别干，擦什么能滋润一点", 0),
      Map.entry("皮肤容易过敏，想换个不刺激的洗脸的", 1),
      Map.entry("夏天出门怕晒黑", 2),
      Map.entry("想要一支涂上去显得皮肤白的唇膏", 3),
      Map.entry("头发一天就油了还有头皮屑", 4),
      Map.entry("给老公买个刮胡子的", 5),
      Map.entry("坐地铁想听歌，周围太吵了", 6),
      Map.entry("出门手机老没电", 7),
      Map.entry("打游戏用的敲起来咔咔响的键盘", 8),
      Map.entry("想随时看看自己心跳", 9),
      Map.entry("懒得自己拖地扫地", 10),
      Map.entry("不用油也能炸薯条的锅", 11),
      Map.entry("宿舍烧开水用", 12),
      Map.entry("早上想自己打豆浆", 13),
      Map.entry("睡觉脖子疼，换个什么枕头", 14),
      Map.entry("换一套舒服的床上用品", 15),
      Map.entry("家里东西太乱了放不下", 16),
      Map.entry("小宝宝用的尿不湿", 17),
      Map.entry("孩子上学带水喝的杯子", 18),
      Map.entry("宝宝半岁了该加什么辅食", 19),
      Map.entry("遛娃用的车子要能折起来", 20),
      Map.entry("女生冬天穿的暖和又不臃肿的外套", 21),
      Map.entry("想跑步，找双鞋", 25),
      Map.entry("下雪天穿的暖和鞋子", 26),
      Map.entry("办公室饿了吃点健康零食", 28),
      Map.entry("想吃甜甜的脆苹果", 29),
      Map.entry("家里快没米了", 30),
      Map.entry("想喝杯咖啡提提神", 35),
      Map.entry("家里的猫厕所太臭了", 37),
      Map.entry("在家练瑜伽铺地上的", 38),
      Map.entry("出差拉的箱子", 41));

  @Test
  void colloquialQueriesFindTheIntendedProductAtRankOne() {
    try (OnnxTextEmbedder e = OnnxTextEmbedder.bgeSmallZh()) {
      VectorMatrix catalogue = VectorMatrix.of(e.embedAll(CATALOGUE), e.dimension());
      int correct = 0;
      List<String> misses = new ArrayList<>();
      for (Map.Entry<String, Integer> q : QUERIES.entrySet()) {
        Hit top = TopK.search(catalogue, e.embed(q.getKey()), 1).get(0);
        if (top.index() == q.getValue()) {
          correct++;
        } else {
          misses.add(q.getKey() + " -> " + CATALOGUE.get(top.index()));
        }
      }
      double accuracy = (double) correct / QUERIES.size();
      assertTrue(accuracy >= 0.9, "rank-1 accuracy " + accuracy + "; misses: " + misses);
      System.out.println("rank-1 accuracy " + correct + "/" + QUERIES.size() + "; misses: " + misses);
    }
  }
}
