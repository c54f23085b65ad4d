import { furnitureKind, matchCredit, matchLeadingByline, parseContributors } from "@yk/article-split";
for (const t of ["本版责编：王明 李华", "责编：王明、李华", "责任编辑：鲜娟凯", "版式设计：张丹峰", "本版责编 王明"]) console.log(t, furnitureKind(t));
for (const t of ["刘 辉摄（影像中国）", "新华社记者  罗一鸣摄", "本报记者 阿尔达克摄", "王明摄影报道", "（本报记者 林 青）"]) console.log(t, JSON.stringify(matchCredit(t)));
